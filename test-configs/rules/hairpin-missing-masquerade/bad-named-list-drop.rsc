# A missing hairpin masquerade, and a forward drop of an address list that holds a DNS name. natlint does not
# resolve names, so the name might be the server's address and drop the connection first: the finding (broken
# either way) says it rests on that instead of claiming an exact verdict.
/interface bridge add name=bridge
/interface bridge port add bridge=bridge interface=ether2
/interface list add name=WAN
/interface list add name=LAN
/interface list member add interface=ether1 list=WAN
/interface list member add interface=bridge list=LAN
/ip address add address=192.168.88.1/24 interface=bridge
/ip address add address=203.0.113.2/24 interface=ether1
/ip route add gateway=203.0.113.1
/ip firewall address-list add list=blocked address=tracker.example.com
/ip firewall nat add chain=srcnat action=masquerade out-interface-list=WAN
/ip firewall nat add chain=dstnat action=dst-nat dst-address=203.0.113.2 protocol=tcp dst-port=80 to-addresses=192.168.88.10 # expect: hairpin-missing-masquerade
/ip firewall filter add chain=forward action=accept connection-state=established,related
/ip firewall filter add chain=forward action=drop dst-address-list=blocked # expect: not-analysed

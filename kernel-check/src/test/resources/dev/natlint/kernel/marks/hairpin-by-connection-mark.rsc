# A hairpin masquerade by connection mark: mangle marks LAN connections to the public address, srcnat masquerades that mark.
/interface bridge add name=bridge
/interface bridge port add bridge=bridge interface=ether2
/interface list add name=WAN
/interface list add name=LAN
/interface list member add interface=ether1 list=WAN
/interface list member add interface=bridge list=LAN
/ip address add address=192.168.88.1/24 interface=bridge
/ip address add address=203.0.113.2/24 interface=ether1
/ip route add gateway=203.0.113.1
/ip firewall nat add chain=srcnat action=masquerade out-interface-list=WAN
/ip firewall nat add chain=dstnat dst-address=203.0.113.2 protocol=tcp dst-port=443 action=dst-nat to-addresses=192.168.88.10
/ip firewall mangle add chain=prerouting action=mark-connection new-connection-mark=hairpin in-interface=bridge dst-address=203.0.113.2 connection-state=new
/ip firewall nat add chain=srcnat action=masquerade connection-mark=hairpin out-interface=bridge

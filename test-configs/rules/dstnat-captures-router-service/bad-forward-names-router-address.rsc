# Port 80 of the router's second LAN address goes to a printer's web page on purpose: the forward names the
# address itself, so it only gets an info finding, and no fix empties it. Clients on ether5 are kept out
# by in-interface=bridge, deliberately too (info).
/interface bridge add name=bridge
/interface bridge port add bridge=bridge interface=ether2
/interface list add name=WAN
/interface list member add interface=ether1 list=WAN
/ip address add address=192.168.88.1/24 interface=bridge
/ip address add address=192.168.88.2/24 interface=bridge
/ip address add address=203.0.113.2/24 interface=ether1
/ip address add address=192.168.1.254/24 interface=ether5
/ip route add gateway=203.0.113.1
/ip firewall nat add chain=srcnat action=masquerade out-interface-list=WAN
/ip firewall nat add chain=srcnat action=masquerade dst-address=192.168.1.1
/ip firewall nat add chain=dstnat action=dst-nat dst-address=192.168.88.2 in-interface=bridge protocol=tcp dst-port=80 to-addresses=192.168.1.1 # expect: dstnat-captures-router-service, dstnat-unreachable-from-lan
